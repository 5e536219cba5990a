"""Frozen entry point of ``rectdesk-cli``."""

import sys

from rectdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
