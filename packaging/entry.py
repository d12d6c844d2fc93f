"""The bundle's entry script: what ``screenpop`` runs once frozen (the same
function as the pip-installed console script)."""

from screenpop.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
