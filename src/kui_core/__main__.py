"""``python -m kui_core`` runs the ``kui`` command line."""

import sys

from .cli import main

sys.exit(main())
