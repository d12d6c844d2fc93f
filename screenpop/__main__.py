"""``python -m screenpop`` runs the same entry point as the ``screenpop`` command."""

import sys

from screenpop.launch import main

sys.exit(main())
