"""Regenerate the typed clients from the specs, or check that they are up to date."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a file, or loaded by tests
import surface

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
SURFACE = ROOT / "wrapper" / "numberhub" / "_surface"
CONFIG = GENERATED / "config.yaml"
TEMPLATES = GENERATED / "templates"


def _documented(spec: Path, into: Path) -> Path:
    """``spec`` as JSON with each parameter's ``description`` copied into its schema.

    openapi-python-client writes a parameter's docstring line (``Args:``) from its
    schema's description only, and the specs describe parameters where OpenAPI puts it,
    on the parameter; the copy gives every generated argument its description. A schema
    that has its own description keeps it.
    """
    doc = yaml.safe_load(spec.read_text())
    params = list((doc.get("components") or {}).get("parameters", {}).values())
    for item in (doc.get("paths") or {}).values():
        params += item.get("parameters", [])
        params += [
            p for op in item.values() if isinstance(op, dict) for p in op.get("parameters", [])
        ]
    for param in params:
        schema = param.get("schema") if isinstance(param, dict) else None
        if not isinstance(schema, dict) or "$ref" in schema or "description" in schema:
            continue
        if param.get("description"):
            schema["description"] = " ".join(str(param["description"]).split())
    target = into / f"{spec.stem}.json"
    target.write_text(json.dumps(doc, default=str, ensure_ascii=False))
    return target


def distribution(provider: str) -> str:
    """The name of ``provider``'s generated client on an index: ``numberhub-<provider>-client``."""
    return f"numberhub-{provider}-client"


def _package_config(spec: Path, config: Path, into: Path) -> Path:
    """``config`` with the package metadata of ``spec``'s client: names and version.

    The distribution is ``numberhub-<provider>-client``, its import package
    ``<provider>_client``, and its version numberhub's own, so that the six packages are
    released together.
    """
    settings = yaml.safe_load(config.read_text()) or {}
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    settings |= {
        "project_name_override": distribution(spec.stem),
        "package_name_override": f"{spec.stem}_client",
        "package_version_override": version,
    }
    target = into / f"{spec.stem}.config.yaml"
    target.write_text(yaml.safe_dump(settings, sort_keys=False))
    return target


def generate(spec: Path, out: Path, config: Path = CONFIG) -> None:
    """Run openapi-python-client for one spec into ``out``, a project directory.

    ``out`` gets the package's metadata (``pyproject.toml``, ``README.md``) beside the
    import package ``out/<provider>_client/``, so that each client installs on its own.
    """
    cmd = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(_documented(spec, out.parent)),
        "--meta",
        "uv",
        "--config",
        str(_package_config(spec, config, out.parent)),
        "--output-path",
        str(out),
        "--overwrite",
        "--fail-on-warning",
    ]
    if TEMPLATES.is_dir():
        cmd += ["--custom-template-path", str(TEMPLATES)]
    # The generator's post-hooks call ruff: use the one installed next to this Python.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=out.parent, env=env)
    if result.returncode != 0 or not out.is_dir():
        sys.exit(f"generation failed for {spec.name}:\n{result.stdout}{result.stderr}")


def generate_surface(specs: Path, generated: Path, out: Path) -> None:
    """Write the wrapper's typed surface into ``out``, formatted as the project's code is."""
    surface.write(specs, generated, out)
    config = ["--config", str(ROOT / "pyproject.toml")]
    ruff = [sys.executable, "-m", "ruff"]
    for step in (["check", "--fix", "--select", "I,F401", "--quiet"], ["format", "--quiet"]):
        result = subprocess.run([*ruff, *step, *config, str(out)], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"formatting the typed surface failed:\n{result.stdout}{result.stderr}")


def files(tree: Path) -> dict[str, str]:
    return {
        str(p.relative_to(tree)): p.read_text()
        for p in sorted(tree.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def diff(old: Path, new: Path, name: str, prefix: str = "generated") -> list[str]:
    before, after = (files(old) if old.is_dir() else {}), files(new)
    lines: list[str] = []
    for rel in sorted(before.keys() | after.keys()):
        a, b = before.get(rel), after.get(rel)
        if a == b:
            continue
        # A missing file differs from an empty one (py.typed is empty).
        old_name = f"a/{prefix}/{name}/{rel}" if a is not None else "/dev/null"
        new_name = f"b/{prefix}/{name}/{rel}" if b is not None else "/dev/null"
        lines += [f"--- {old_name}\n", f"+++ {new_name}\n"]
        lines += list(
            difflib.unified_diff(
                (a or "").splitlines(keepends=True), (b or "").splitlines(keepends=True), n=3
            )
        )[2:]
    return lines


def spec_reports(specs: list[Path]) -> None:
    """For --check: what each spec changed since the commit (git:HEAD) does to its users.

    Printed before the code diff, one classified report per changed spec (see
    ``numberhub spec diff``); a spec new since the commit has no report.
    """
    import numberhub_spec
    from numberhub_spec._diff_report import text

    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", *map(str, specs)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    if changed.returncode != 0:
        return  # not a git checkout: nothing committed to compare with
    names = {Path(line[3:]).stem for line in changed.stdout.splitlines() if line[:2] != "??"}
    with tempfile.TemporaryDirectory() as tmp:
        for spec in specs:
            if spec.stem not in names:
                continue
            try:
                old = numberhub_spec.open_version(f"git:HEAD:{spec.stem}", None, Path(tmp))
                new = numberhub_spec.open_version(os.path.relpath(spec), None, Path(tmp))
            except (numberhub_spec.SourceError, numberhub_spec.SpecError) as exc:
                print(f"{spec.stem}: no spec report: {exc}")
                continue
            report = numberhub_spec.Report.of(old, new)
            sys.stdout.write(text([report]) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="fail with the diff if generated/ is stale"
    )
    parser.add_argument("providers", nargs="*", help="only these providers (default: every spec)")
    parser.add_argument(
        "--surface-only", action="store_true", help="only the wrapper's typed surface"
    )
    parser.add_argument("--specs", type=Path, default=SPECS, help="folder of <provider>.yaml")
    parser.add_argument("--generated", type=Path, default=GENERATED, help="folder of the clients")
    parser.add_argument(
        "--surface", type=Path, default=SURFACE, help="folder of the wrapper's typed surface"
    )
    args = parser.parse_args()

    specs = sorted(args.specs.glob("*.yaml"))
    if args.providers:
        specs = [s for s in specs if s.stem in args.providers]
    if args.surface_only:
        specs = []
    if args.check:
        spec_reports(specs)
    stale: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for spec in specs:
            name = f"{spec.stem}_client"
            fresh = Path(tmp) / name
            generate(spec, fresh)
            target = args.generated / name
            changes = diff(target, fresh, name)
            if not changes:
                continue
            if args.check:
                stale.append(name)
                sys.stdout.writelines(changes)
            else:
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(fresh, target)
                print(f"regenerated {target}")
        if not args.providers:  # the surface covers every spec
            fresh = Path(tmp) / "_surface"
            generate_surface(args.specs, args.generated, fresh)
            changes = diff(args.surface, fresh, "_surface", prefix="wrapper/numberhub")
            if changes and args.check:
                stale.append("wrapper/numberhub/_surface")
                sys.stdout.writelines(changes)
            elif changes:
                shutil.rmtree(args.surface, ignore_errors=True)
                shutil.copytree(fresh, args.surface)
                print(f"regenerated {args.surface}")
    if stale:
        print(
            f"\ngenerated code is stale for: {', '.join(stale)}; run scripts/regenerate",
            file=sys.stderr,
        )
        return 1
    if args.check:
        what = (
            "the typed surface matches"
            if args.surface_only
            else "generated/ and the typed surface match"
        )
        print(f"{what} specs/ ({len(specs) or 'all'} providers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
