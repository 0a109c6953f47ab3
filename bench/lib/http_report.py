#!/usr/bin/env python3
"""Turns the wrk runs of bench/http_bench.sh into results/http.json and results/http.md.

Usage: http_report.py RUNS_DIR OUT_JSON OUT_MD
RUNS_DIR holds one <target>.<connections>.txt per wrk run (wrk's --latency text followed by the
"WRK_JSON {...}" line of lib/wrk_json.lua) and meta.json (settings and versions).
"""
import json
import pathlib
import sys

# Goals from the issue that asked for this benchmark, checked at the highest connection count.
GOAL_CONNECTIONS = 1000
GOAL_RATE_RATIO = 0.5  # GET /api/v1/me must reach at least half of nginx's static-file rate
GOAL_P99_MS = 20.0  # and keep its p99 latency below this

TARGET_ORDER = ["candor_healthz", "candor_me", "nginx_static"]


def parse_run(path: pathlib.Path) -> dict:
    text = path.read_text(errors="replace")
    line = next((l for l in text.splitlines() if l.startswith("WRK_JSON ")), None)
    if line is None:
        raise SystemExit(f"{path}: no WRK_JSON line; did wrk fail?\n{text}")
    raw = json.loads(line[len("WRK_JSON "):])
    seconds = raw["duration_us"] / 1e6
    errors = raw["errors"]
    lat = raw["latency_us"]
    return {
        "requests": raw["requests"],
        "duration_s": round(seconds, 3),
        "requests_per_s": round(raw["requests"] / seconds, 1) if seconds > 0 else 0.0,
        "latency_ms": {k: round(v / 1000.0, 3) for k, v in lat.items()},
        "errors": errors,
        # wrk counts non-2xx/3xx answers as status errors; a run with them measured the wrong thing.
        "clean": sum(errors.values()) == 0,
    }


def main() -> None:
    runs_dir, out_json, out_md = (pathlib.Path(a) for a in sys.argv[1:4])
    meta = json.loads((runs_dir / "meta.json").read_text())
    runs = []
    for path in sorted(runs_dir.glob("*.txt")):
        target, connections = path.stem.rsplit(".", 1)
        run = {"target": target, "path": meta["paths"].get(target, ""), "connections": int(connections)}
        run.update(parse_run(path))
        runs.append(run)
    order = {t: i for i, t in enumerate(TARGET_ORDER)}
    runs.sort(key=lambda r: (order.get(r["target"], 99), r["connections"]))

    def find(target, connections):
        return next((r for r in runs if r["target"] == target and r["connections"] == connections), None)

    comparisons = []
    for connections in sorted({r["connections"] for r in runs}):
        me, nginx = find("candor_me", connections), find("nginx_static", connections)
        if me and nginx and nginx["requests_per_s"] > 0:
            comparisons.append({
                "connections": connections,
                "me_to_nginx_rate_ratio": round(me["requests_per_s"] / nginx["requests_per_s"], 3),
                "me_p99_ms": me["latency_ms"]["p99"],
            })

    goal_row = next((c for c in comparisons if c["connections"] == GOAL_CONNECTIONS), None)
    me_goal_run = find("candor_me", GOAL_CONNECTIONS)
    goals = {
        "connections": GOAL_CONNECTIONS,
        "rate_ratio_min": GOAL_RATE_RATIO,
        "p99_ms_max": GOAL_P99_MS,
        "rate_ratio": goal_row["me_to_nginx_rate_ratio"] if goal_row else None,
        "me_p99_ms": goal_row["me_p99_ms"] if goal_row else None,
        "rate_goal_met": bool(goal_row and goal_row["me_to_nginx_rate_ratio"] >= GOAL_RATE_RATIO),
        "p99_goal_met": bool(goal_row and goal_row["me_p99_ms"] < GOAL_P99_MS),
        "runs_clean": bool(goal_row and me_goal_run["clean"] and find("nginx_static", GOAL_CONNECTIONS)["clean"]),
    }
    goals["all_met"] = goals["rate_goal_met"] and goals["p99_goal_met"] and goals["runs_clean"]

    result = {"meta": meta, "runs": runs, "comparisons": comparisons, "goals": goals}
    out_json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    out_md.write_text(render_markdown(result))


def render_markdown(result: dict) -> str:
    meta, runs, goals = result["meta"], result["runs"], result["goals"]
    yes_no = lambda ok: "yes" if ok else "**no**"
    lines = [
        "# HTTP benchmark",
        "",
        f"Run {meta['started_at']} on {meta['machine']['cpus']} CPUs ({meta['machine']['kernel']}).",
        f"wrk {meta['wrk_version']}: `-t{meta['wrk_threads']} -d{meta['duration_s']}s --latency`, "
        f"keep-alive. Candor: {meta['candor']['source']}. nginx {meta['nginx_version']} with "
        f"`worker_processes {meta['nginx_workers']}`, serving a {meta['static_bytes']}-byte file, access log off.",
        "",
        "| target | path | connections | requests/s | p50 ms | p99 ms | max ms | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        errs = sum(r["errors"].values())
        lines.append(
            f"| {r['target']} | `{r['path']}` | {r['connections']} | {r['requests_per_s']:,.0f} | "
            f"{r['latency_ms']['p50']:.2f} | {r['latency_ms']['p99']:.2f} | {r['latency_ms']['max']:.2f} | "
            f"{errs if errs == 0 else f'**{errs}** ' + json.dumps(r['errors'])} |"
        )
    lines += ["", "## /api/v1/me against nginx", "", "| connections | /me ÷ nginx rate | /me p99 ms |", "|---:|---:|---:|"]
    for c in result["comparisons"]:
        lines.append(f"| {c['connections']} | {c['me_to_nginx_rate_ratio']:.1%} | {c['me_p99_ms']:.2f} |")
    lines += [
        "",
        f"## Goals at {goals['connections']:,} connections",
        "",
        f"- /me rate ≥ {goals['rate_ratio_min']:.0%} of nginx's: {yes_no(goals['rate_goal_met'])}"
        + (f" ({goals['rate_ratio']:.1%})" if goals["rate_ratio"] is not None else " (not measured)"),
        f"- /me p99 < {goals['p99_ms_max']:.0f} ms: {yes_no(goals['p99_goal_met'])}"
        + (f" ({goals['me_p99_ms']:.2f} ms)" if goals["me_p99_ms"] is not None else " (not measured)"),
        f"- runs free of socket errors and non-2xx answers: {yes_no(goals['runs_clean'])}",
        "",
        "wrk and the servers share the machine's CPUs, so tail latency includes scheduling delay; "
        "nginx's own p99 in the table above is the floor to compare against.",
        "",
        f"All goals met: {yes_no(goals['all_met'])}.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
