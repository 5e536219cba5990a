"""``python -m rectdesk.cli``."""

import sys

from rectdesk.cli import main

sys.exit(main())
