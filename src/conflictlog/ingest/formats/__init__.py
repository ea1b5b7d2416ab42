"""One reader per input format. Each takes a binary stream and yields ``Document | Rejected``."""
