"""``python -m rectdesk`` opens the window."""

import sys

from rectdesk.app.main import main

sys.exit(main())
