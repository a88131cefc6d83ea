from investments.cli import main

raise SystemExit(main())
