"""Fast text layout for the PDF report: words wrapped with cached widths, then paragraphs and
bordered tables drawn line by line with ``FPDF.text`` and page breaks made by hand.

fpdf2's ``multi_cell`` and ``table`` re-measure every character for every line they try and
lay out each table row twice; over thousands of incidents that took minutes (228 s for 10,000).
Here a word is measured once, a row's height is known before it is drawn, and a row too tall
for the rest of the page continues on the next one under a repeated heading.
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF

_BASELINE = 0.3     # of the font size below a line's middle: where fpdf2's own cells put the baseline


class Layout:
    """Draws wrapped text on an FPDF document; remembers the width of every word it measured."""

    def __init__(self, pdf: FPDF, family: str) -> None:
        self.pdf = pdf
        self.family = family
        self._widths: dict[tuple[str, float, str], float] = {}

    def paragraph(self, text: str, size: float, style: str = "", line_height: float | None = None) -> None:
        """``text`` across the full text width, wrapped at spaces, starting at the current y."""
        pdf = self.pdf
        pdf.set_font(self.family, style, size)
        height = line_height or size * 0.5
        for line in self.wrap(text, pdf.epw - 2 * pdf.c_margin):
            self._make_room(height)
            self._line(pdf.l_margin, pdf.y, height, line)
            pdf.set_y(pdf.y + height)

    def table(self, widths: Sequence[float], rows: Sequence[Sequence[str]], size: float, line_height: float) -> None:
        """Rows of cells with borders; the first row is the heading, bold, repeated on every page.

        ``widths`` are shares of the text width, as fpdf2's ``col_widths``.
        """
        pdf = self.pdf
        scale = pdf.epw / sum(widths)
        columns = [width * scale for width in widths]
        heading = rows[0]
        self._row(columns, heading, size, line_height, "B", None)
        for row in rows[1:]:
            self._row(columns, row, size, line_height, "", heading)

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines no wider than ``width`` (mm) in the current font: at spaces,
        at newlines, and inside a word only where the word alone is too wide."""
        lines: list[str] = []
        for part in text.split("\n"):
            lines.extend(self._wrap_part(part, width))
        return lines

    def _wrap_part(self, text: str, width: float) -> list[str]:
        space = self._width(" ")
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        for word in text.split(" "):
            word_width = self._width(word)
            if current and used + space + word_width > width:
                lines.append(" ".join(current))
                current, used = [], 0.0
            if not current and word_width > width:
                *full, word = self._split_word(word, width)
                lines.extend(full)
                word_width = self._width(word)
            used = used + space + word_width if current else word_width
            current.append(word)
        lines.append(" ".join(current))
        return lines

    def _split_word(self, word: str, width: float) -> list[str]:
        """A word too wide for a line, cut after its last '/' or '-' that fits, else where it fills the line."""
        pieces = []
        while len(word) > 1 and self._width(word) > width:
            cut = self._fitting_prefix(word, width)
            soft = max(word.rfind("/", 0, cut), word.rfind("-", 0, cut))
            cut = soft + 1 if soft > 0 else cut
            pieces.append(word[:cut])
            word = word[cut:]
        pieces.append(word)
        return pieces

    def _fitting_prefix(self, word: str, width: float) -> int:
        used = 0.0
        for end, char in enumerate(word):
            used += self._width(char)
            if used > width:
                return max(end, 1)
        return len(word)

    def _width(self, text: str) -> float:
        font = self.pdf.current_font
        key = (font.fontkey, self.pdf.font_size_pt, text)
        found = self._widths.get(key)
        if found is None:
            found = font.get_text_width(text, self.pdf.font_size_pt, None)[1] / self.pdf.k
            self._widths[key] = found
        return found

    def _row(self, columns: list[float], cells: Sequence[str], size: float, line_height: float, style: str,
             heading: Sequence[str] | None) -> None:
        pdf = self.pdf
        pdf.set_font(self.family, style, size)
        lines = [self.wrap(text, width - 2 * pdf.c_margin) for text, width in zip(cells, columns)]
        total = max(len(cell) for cell in lines)
        if heading is not None and pdf.y + total * line_height > pdf.page_break_trigger:
            self._new_page_with(columns, heading, size, line_height)
        start = 0
        while start < total:
            fitting = int((pdf.page_break_trigger - pdf.y) // line_height)
            if fitting < 1:
                self._new_page_with(columns, heading, size, line_height)
                fitting = max(1, int((pdf.page_break_trigger - pdf.y) // line_height))
            shown = min(fitting, total - start)
            self._cells(columns, [cell[start:start + shown] for cell in lines], shown * line_height, line_height)
            start += shown

    def _new_page_with(self, columns: list[float], heading: Sequence[str] | None, size: float,
                       line_height: float) -> None:
        style = self.pdf.font_style
        self.pdf.add_page()
        if heading is not None:
            self._row(columns, heading, size, line_height, "B", None)
        self.pdf.set_font(self.family, style, size)

    def _cells(self, columns: list[float], lines: list[list[str]], height: float, line_height: float) -> None:
        pdf = self.pdf
        x, top = pdf.l_margin, pdf.y
        for width, cell in zip(columns, lines):
            pdf.rect(x, top, width, height)
            for n, line in enumerate(cell):
                self._line(x, top + n * line_height, line_height, line)
            x += width
        pdf.set_y(top + height)

    def _line(self, x: float, top: float, height: float, text: str) -> None:
        if text:
            self.pdf.text(x + self.pdf.c_margin, top + height / 2 + _BASELINE * self.pdf.font_size, text)

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` (mm) is left on this one: keeps a heading with what follows."""
        self._make_room(height)

    def _make_room(self, height: float) -> None:
        if self.pdf.y + height > self.pdf.page_break_trigger:
            self.pdf.add_page()
