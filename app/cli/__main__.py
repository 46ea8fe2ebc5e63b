"""``python -m app.cli``: the same as ``xdesk``."""

import sys

from app.cli import main

sys.exit(main())
