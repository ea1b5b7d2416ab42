"""Text preparation: in-place normalisation, datelines and truecasing (offsets never move)."""

from .dateline import Dateline, find_dateline
from .prepare import PreparedText, prepare
from .truecase import is_all_caps, truecase

__all__ = ["Dateline", "PreparedText", "find_dateline", "is_all_caps", "prepare", "truecase"]
