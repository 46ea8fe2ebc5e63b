"""Start the Exchange Desk desktop application: ``python main.py``."""

import sys

from app.ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
