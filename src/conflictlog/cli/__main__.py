"""``python -m conflictlog.cli``: the same as the ``conflictlog`` command."""

import sys

from . import main

sys.exit(main())
