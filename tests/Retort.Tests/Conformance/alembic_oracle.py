"""Runs command lists through Alembic itself and writes down what it observed, for Retort's conformance suite.

usage: /usr/bin/python3 alembic_oracle.py MANIFEST.json OUT.json

MANIFEST is a list of shapes, each {"name", "dir", "commands": [[argv...], ...]}; "dir" holds alembic.ini-less
scripts (env.py, versions/*.py) and the SQLite file a.db. For every command the output records: ok (no error),
error (its first line), lines (what a read-only command printed), steps (the "Running ..." lines, online or
offline), versions (the version table's DML in an offline script, or its rows after an online command) and tables
(the t_* tables after an online command). All commands run in one process through Alembic's command API.
"""
import io
import json
import logging
import re
import sqlite3
import sys

from alembic import command
from alembic.config import Config


class Steps(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        message = record.getMessage()
        if message.startswith("Running "):
            self.lines.append(message)


VERSION_DML = re.compile(
    r"^(INSERT INTO alembic_version \(version_num\) VALUES \('(\w+)'\)"
    r"|UPDATE alembic_version SET version_num='(\w+)' WHERE alembic_version\.version_num = '(\w+)'"
    r"|DELETE FROM alembic_version WHERE alembic_version\.version_num = '(\w+)')"
)


def version_moves(sql):
    moves = []
    for line in sql.splitlines():
        if line.startswith("-- Running "):
            moves.append("step")
            continue
        m = VERSION_DML.match(line.strip())
        if not m:
            continue
        if m.group(2):
            moves.append("insert " + m.group(2))
        elif m.group(3):
            moves.append("update %s %s" % (m.group(4), m.group(3)))
        else:
            moves.append("delete " + m.group(5))
    return moves


def comment_steps(sql):
    return [line[3:] for line in sql.splitlines() if line.startswith("-- Running ")]


def state(db):
    connection = sqlite3.connect(db)
    try:
        names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        versions = sorted(r[0] for r in connection.execute("SELECT version_num FROM alembic_version")) if "alembic_version" in names else []
        return versions, sorted(n for n in names if n.startswith("t_"))
    finally:
        connection.close()


def run(shape):
    folder = shape["dir"]
    db = folder + "/a.db"
    results = []
    steps = Steps()
    logger = logging.getLogger("alembic.runtime.migration")
    logger.setLevel(logging.INFO)
    logger.addHandler(steps)
    logger.propagate = False
    try:
        for argv in shape["commands"]:
            stdout = io.StringIO()
            config = Config(stdout=stdout, output_buffer=stdout)
            config.set_main_option("script_location", folder)
            config.set_main_option("sqlalchemy.url", "sqlite:///" + db)
            steps.lines = []
            name, args = argv[0], argv[1:]
            sql = "--sql" in args
            args = [a for a in args if a != "--sql"]
            result = {"ok": True}
            try:
                if name == "upgrade":
                    command.upgrade(config, args[0], sql=sql)
                elif name == "downgrade":
                    command.downgrade(config, args[0], sql=sql)
                elif name == "stamp":
                    command.stamp(config, args[0], sql=sql)
                elif name == "heads":
                    command.heads(config, resolve_dependencies="--resolve-dependencies" in args)
                elif name == "history":
                    command.history(config, rev_range=args[1] if args[:1] == ["-r"] else None)
                elif name == "current":
                    command.current(config)
                elif name == "show":
                    command.show(config, args[0])
                elif name == "branches":
                    command.branches(config)
                else:
                    raise ValueError("unknown command " + name)
            except Exception as error:  # Alembic's CommandError, or a raw KeyError/AssertionError it crashes with
                result["ok"] = False
                result["error"] = "%s: %s" % (type(error).__name__, str(error).splitlines()[0] if str(error) else "")
            text = stdout.getvalue()
            if name in ("upgrade", "downgrade", "stamp"):
                if sql:
                    result["steps"] = comment_steps(text)
                    result["versions"] = version_moves(text)
                else:
                    result["steps"] = list(steps.lines)
                    result["versions"], result["tables"] = state(db)
            else:
                result["lines"] = [l for l in text.splitlines() if l.strip()]
            results.append(result)
    finally:
        logger.removeHandler(steps)
    return results


def main():
    shapes = json.load(open(sys.argv[1]))
    out = {shape["name"]: run(shape) for shape in shapes}
    json.dump(out, open(sys.argv[2], "w"), indent=1)


if __name__ == "__main__":
    main()
