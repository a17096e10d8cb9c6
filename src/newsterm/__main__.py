"""`python -m newsterm` is the `newsterm` command."""

from newsterm.cli import main

raise SystemExit(main())
