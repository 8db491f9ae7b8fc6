"""``python -m dlcourse`` runs the command line."""

import sys

from dlcourse.cli import console

sys.exit(console())
