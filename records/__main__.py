"""``python -m records migrate`` / ``python -m records create-staff NAME [--admin]`` (prints the token once)."""

from __future__ import annotations

import argparse

from .config import RecordsConfig
from .db import migrate
from .staff import StaffStore
from .store import Records


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m records")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="bring the records database to the newest schema")
    create = sub.add_parser("create-staff", help="create a staff member and print their API token")
    create.add_argument("name")
    create.add_argument("--admin", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "migrate":  # opens no sealed value: no key needed
        migrate(RecordsConfig.from_env(need_key=False).url)
        return
    config = RecordsConfig.from_env()
    records = Records.open(config)
    member, token = StaffStore(records).create(args.name, "admin" if args.admin else "staff")
    print(f"staff member {member.id} ({member.role}); token (shown once): {token}")


if __name__ == "__main__":
    main()
