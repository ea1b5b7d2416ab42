"""The happening day a story names in its own text, for mentions that state none."""

from __future__ import annotations

from datetime import date

import pytest

from conflictlog.models import DatePrecision, Document, Mention, Span, content_hash
from conflictlog.resolve import Gazetteer, Resolver
from conflictlog.resolve.dates import ResolvedDate
from conflictlog.resolve.story_dates import dates_a_statement, sharpen_coarse_dates, story_date

SUNDAY_2016_01_10 = date(2016, 1, 10)


@pytest.mark.parametrize(("text", "expected"), [
    ("The incident happened Saturday night near Martin Street.", "2016-01-09"),
    ("A man was wounded in a shooting early Friday morning.", "2016-01-08"),
    ("Two men were shot last night outside a bar.", "2016-01-09"),
    ("The shooting happened around 10 p.m. Wednesday at the apartments.", "2016-01-06"),
])
def test_the_first_happening_day_of_the_story(text: str, expected: str) -> None:
    found = story_date(text, 0, SUNDAY_2016_01_10)
    assert (found.date, found.precision, found.stated) == (expected, DatePrecision.DAY, True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Police said Thursday that a man was shot Tuesday.", "2016-01-05"),
    ("Updated at 11 a.m. Thursday: a man was shot Monday.", "2016-01-04"),
    ("NEWS RELEASE (11:30 A.M. Friday) A deputy was shot Wednesday.", "2016-01-06"),
    ("On Friday, police said the man was shot Monday.", "2016-01-04"),
])
def test_a_day_that_dates_a_statement_is_not_the_happening(text: str, expected: str) -> None:
    assert story_date(text, 0, SUNDAY_2016_01_10).date == expected


def test_nothing_named_nothing_found() -> None:
    assert story_date("Police are investigating a shooting.", 0, SUNDAY_2016_01_10) is None


def test_the_dateline_is_not_read() -> None:
    text = "MONDAY NEWS -- a man was shot Friday."
    assert story_date(text, text.index("--"), SUNDAY_2016_01_10).date == "2016-01-08"


def test_mentions_without_a_date_take_the_story_date_not_the_publication_day() -> None:
    text = "Police are investigating a shooting. The incident happened Saturday night. The victim died."
    start = text.index("The victim died.")
    mention = Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                      evidence=[Span("The victim died.", start, len(text))])
    document = Document("d", text, content_hash(text), published="2016-01-10")
    event = Resolver(Gazetteer.open()).resolve(document, [mention])[0]
    assert (event.date, event.date_precision) == ("2016-01-09", DatePrecision.DAY)


@pytest.mark.parametrize(("text", "expression", "statement"), [
    ("POLICE REPORTED TODAY THAT YESTERDAY TERRORISTS KILLED TWO GUARDS.", "TODAY", True),
    ("POLICE REPORTED TODAY THAT YESTERDAY TERRORISTS KILLED TWO GUARDS.", "YESTERDAY", False),
    ("The mayor on Friday said the man was shot.", "Friday", True),
    ("A man was shot Friday near the school.", "Friday", False),
    # A passive is no statement: the hostages were released, the shooting was reported to police.
    ("THREE MEN KIDNAPPED ON 27 SEPTEMBER, HAVE BEEN RELEASED.", "27 SEPTEMBER", False),
    ("The shooting was reported Thursday morning at the courts.", "Thursday", False),
    ("Police reported Thursday that a man was shot.", "Thursday", True),
    # The day of a later step: an arrest, a vigil; but not when the happening comes between.
    ("Morris was arrested in Chicago Saturday with help from marshals.", "Saturday", True),
    ("Friends held a memorial in front of the home Thursday night.", "Thursday", True),
    ("A man arrested after a shooting Saturday was charged.", "Saturday", False),
    ("He was released from court at 11p.m. last night, three hours before.", "last night", True),
    ("ACCORDING TO MILITARY SOURCES TODAY, THREE PATROL MEMBERS WERE MURDERED.", "TODAY", True),
    ("THE BISHOP TOLD THE MEDIA TODAY THAT FIVE PEOPLE WERE KILLED.", "TODAY", True),
    ("He was shot at 11 p.m. Friday outside a bar.", "Friday", False),
    ("Her fears were realized early Saturday, when police said her son was shot.", "Saturday", False),
    ("The medical examiner on Sunday determined that the death was a suicide.", "Sunday", True),
    # "announced that, early this morning, ...": the day belongs to what was announced.
    ("POLICE ANNOUNCED THAT, EARLY THIS MORNING, GUNMEN PLACED TWO BOMBS.", "EARLY THIS MORNING", False),
    ("THE ARCHBISHOP PROTESTED TODAY THE MURDER OF A STUDENT.", "TODAY", True),
    ("THE PRESIDENT REFERRED TODAY TO THE KILLING OF SIX PRIESTS.", "TODAY", True),
    # A release dates the end of a kidnapping or of a detention, not the happening.
    ("THE HOSTAGE, KIDNAPPED IN MAY, WAS FREED ON 3 JUNE BY HIS CAPTORS.", "3 JUNE", True),
    ("TWO SUSPECTS WERE RELEASED ON 7 DECEMBER FOR LACK OF EVIDENCE.", "7 DECEMBER", True),
])
def test_a_day_of_a_statement(text: str, expression: str, statement: bool) -> None:
    start = text.index(expression)
    assert dates_a_statement(text, start, start + len(expression)) is statement


def test_a_mention_dated_by_its_statement_takes_the_happening_day() -> None:
    text = "POLICE REPORTED TODAY THAT YESTERDAY TERRORISTS KILLED TWO GUARDS IN LIMA."
    spans = [Span(word, text.index(word), text.index(word) + len(word)) for word in ("TODAY", "YESTERDAY")]
    mention = Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                      evidence=[Span(text, 0, len(text))], date_spans=spans)
    document = Document("d", text, content_hash(text), published="1989-01-25")
    event = Resolver(Gazetteer.open()).resolve(document, [mention])[0]
    assert (event.date, event.date_precision) == ("1989-01-24", DatePrecision.DAY)


@pytest.mark.parametrize(("text", "expected"), [
    ("Monday night and early Tuesday morning, three people were shot.", "2016-01-05"),
    ("TWO REPORTERS WERE KILLED LATE LAST NIGHT AND EARLY THIS MORNING.", "2016-01-10"),
    ("THE CLASHES, WHICH BEGAN AT 2200 LAST NIGHT AND ENDED AT 0500 TODAY, LEFT 8 DEAD.", "2016-01-10"),
    ("Two men were shot Saturday night and police came Sunday.", "2016-01-09"),
])
def test_a_night_that_runs_into_the_morning_is_dated_by_the_morning(text: str, expected: str) -> None:
    assert story_date(text, 0, SUNDAY_2016_01_10).date == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("IT HAPPENED ON 5 JANUARY AT 1010 HOURS LOCAL TIME.", "2016-01-05"),
    ("THEY OCCUPIED THE EMBASSY ON THE MORNING OF 3 JANUARY.", "2016-01-03"),
    ("The robbery happened on Dec. 26, the night he was shot.", "2015-12-26"),
    ("The incident happened around 6:00 p.m. on December 27th.", "2015-12-27"),
    ("THE TALKS ENDED AFTER THE 31 DECEMBER DYNAMITE ATTACK THAT LEFT 10 DEAD.", "2015-12-31"),
])
def test_a_day_of_a_month_after_on_is_a_story_date(text: str, expected: str) -> None:
    assert story_date(text, 0, SUNDAY_2016_01_10).date == expected


@pytest.mark.parametrize("text", [
    "THE 19 APRIL MOVEMENT ATTACKED A POST.",               # a name, not a day
    "THE SHOOTING OCCURRED ON 9 JANUARY AVENUE.",            # a street
    "He will appear in court on Jan. 19.",                   # after publication: scheduled
    "They vote in the 3 January elections.",                 # no "on": often a name
])
def test_a_date_that_names_something_is_no_story_date(text: str) -> None:
    assert story_date(text, 0, SUNDAY_2016_01_10) is None


def _day(day: str, precision: DatePrecision = DatePrecision.DAY, stated: bool = True) -> ResolvedDate:
    return ResolvedDate(day, precision, None, stated)


def test_a_coarse_date_takes_the_day_the_story_names_within_it() -> None:
    dates = [_day("2016-01-03", DatePrecision.WEEK), _day("2016-01-06"), _day("2015-12-01", DatePrecision.MONTH),
             _day("2015-12-20")]
    sharpen_coarse_dates(dates)
    assert [(found.date, found.precision) for found in dates] == [
        ("2016-01-06", DatePrecision.DAY), ("2016-01-06", DatePrecision.DAY),
        ("2015-12-20", DatePrecision.DAY), ("2015-12-20", DatePrecision.DAY)]


def test_a_coarse_date_with_no_day_inside_it_stays() -> None:
    dates = [_day("2016-01-03", DatePrecision.WEEK), _day("2015-11-20")]
    sharpen_coarse_dates(dates)
    assert (dates[0].date, dates[0].precision) == ("2016-01-03", DatePrecision.WEEK)
