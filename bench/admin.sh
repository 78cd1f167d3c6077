# Sourced by the bench scripts: writes need an editor, and prod refuses a weak admin password, so each run makes a
# strong one. Slugline creates the account at startup from these; bench/load.py and curl send them.
export SLUGLINE_ADMIN_USERNAME=bench
SLUGLINE_ADMIN_PASSWORD="Bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export SLUGLINE_ADMIN_PASSWORD
