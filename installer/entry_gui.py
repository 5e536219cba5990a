"""Frozen entry point of the window program ``rectdesk``."""

import sys

from rectdesk.app.main import main

if __name__ == "__main__":
    sys.exit(main())
