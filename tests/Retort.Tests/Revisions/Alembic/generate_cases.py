"""Writes alembic-cases.jsonl: random revision graphs and what Alembic's RevisionMap answers for them.

Run with an Alembic install (Debian: apt-get install python3-alembic; the cases in this folder came
from Alembic 1.8.1):  python3 generate_cases.py 7 100 14 > alembic-cases.jsonl

One JSON object per line: the graph (id, down revisions, branch labels, depends on; in file order),
Alembic's heads, real heads, bases, propagated branch labels and normalised dependencies, and ops:
upgrade (reversed iterate_revisions(target, current, implicit_base=True), as ScriptDirectory's
_upgrade_revs), downgrade (iterate_revisions(current, target, select_for_downgrade=True)) and walk
(iterate_revisions(upper, lower, inclusive=True, assert_relative_length=False), as history does).
Only answers Alembic gives without error are kept, less the cases where Retort deliberately differs
(see RevisionMap's docs): `-N` from several current heads, and upgrades to a revision already below
the current heads.
"""
import json
import random
import sys
import warnings

from alembic.script.revision import Revision, RevisionError, RevisionMap


def normalize_in_declared_order(self, revisions, map_):
    # Alembic keeps normalised dependencies in a set, whose order follows string hashing and so changes
    # from run to run; the declared order makes its answers reproducible (and is the order Retort uses).
    for revision in revisions:
        implied = set()
        if revision._resolved_dependencies:
            for ancestor in self._get_ancestor_nodes([revision], include_dependencies=False, map_=map_):
                if ancestor is not revision and ancestor._resolved_dependencies:
                    implied.update(ancestor._resolved_dependencies)
        revision._normalized_resolved_dependencies = tuple(
            d for d in revision._resolved_dependencies if d not in implied)


RevisionMap._normalize_depends_on = normalize_in_declared_order


def random_graph(rng, size):
    graph = []
    for i in range(size):
        rid = "rev%02d" % i
        roll = rng.random()
        ids = [g[0] for g in graph]
        if not graph or roll < 0.12:
            down = []
        elif roll < 0.85:
            down = [rng.choice(ids)]
        else:
            down = rng.sample(ids, min(len(ids), rng.choice([2, 2, 3])))
        depends = []
        others = [x for x in ids if x not in down]
        if others and rng.random() < 0.15:
            depends = rng.sample(others, min(len(others), rng.choice([1, 1, 2])))
        labels = ["lbl%d" % i] if rng.random() < 0.12 else []
        graph.append([rid, down, labels, depends])
    return graph


def ancestors(revision_map, rid):
    return {r.revision for r in revision_map._get_ancestor_nodes([revision_map.get_revision(rid)])}


def random_current(rng, revision_map, ids):
    closed = set()
    for pick in rng.sample(ids, min(len(ids), rng.choice([0, 1, 1, 2, 2, 3]))):
        closed |= ancestors(revision_map, pick)
    return [x for x in ids if x in closed and not any(x != y and x in ancestors(revision_map, y) for y in closed)]


def answer(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = [r.revision for r in fn()]
        except (RevisionError, AssertionError):
            return None
        return None if caught else result


def below_current(revision_map, current, target):
    try:
        targets = revision_map._parse_upgrade_target(tuple(current), target, True)
    except Exception:
        return False
    below = set()
    for head in current:
        below |= {r.revision for r in revision_map._get_ancestor_nodes(
            [revision_map.get_revision(head)], include_dependencies=False)}
    return any(t is not None and t.revision in below and t.revision not in current for t in targets)


def main(seed, count, largest):
    rng = random.Random(seed)
    written = 0
    while written < count:
        graph = random_graph(rng, rng.randint(2, largest))
        revision_map = RevisionMap(lambda: [
            Revision(r, tuple(d) or None, dependencies=tuple(p) or None, branch_labels=tuple(l) or None)
            for r, d, l, p in graph])
        try:
            revision_map._revision_map
        except RevisionError:
            continue
        ids = [g[0] for g in graph]
        labels = [l for g in graph for l in g[2]]
        symbols = ids + ["heads", "base", "+1", "-1", "+2"] + [l + s for l in labels for s in ("@head", "@base", "@+1", "@-1")]
        symbols += [rng.choice(ids) + "-1", rng.choice(ids) + "+1"]
        ops = []
        for _ in range(10):
            current, target = random_current(rng, revision_map, ids), rng.choice(symbols)
            result = answer(lambda: reversed(list(revision_map.iterate_revisions(target, tuple(current), implicit_base=True))))
            if result is not None and not below_current(revision_map, current, target):
                ops.append(["upgrade", current, target, result])
            current, target = random_current(rng, revision_map, ids), rng.choice(symbols)
            result = answer(lambda: revision_map.iterate_revisions(tuple(current), target, select_for_downgrade=True))
            if result is not None and not target.endswith("@head"):
                ops.append(["downgrade", current, target, result])
        for _ in range(6):
            lower = rng.choice(["base"] + ids + [l + "@base" for l in labels])
            upper = rng.choice(["heads"] + ids + [l + "@head" for l in labels])
            result = answer(lambda: revision_map.iterate_revisions(upper, lower, inclusive=True, assert_relative_length=False))
            if result is not None:
                ops.append(["walk", lower, upper, result])
        revisions = [revision_map.get_revision(r) for r in ids]
        print(json.dumps({
            "graph": graph,
            "heads": list(revision_map.heads),
            "realHeads": list(revision_map._real_heads),
            "bases": list(revision_map.bases),
            "labels": [sorted(r.branch_labels) for r in revisions],
            "dependencies": [list(r._normalized_resolved_dependencies) for r in revisions],
            "ops": ops,
        }, separators=(",", ":")))
        written += 1


main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
