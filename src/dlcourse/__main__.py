"""``python -m dlcourse`` runs the command line."""

import sys

from dlcourse.cli import main

sys.exit(main())
