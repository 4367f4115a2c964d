"""The distribution installs one namespaced package, `styrgraf`, made of the top-level folders."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("api", "graph", "ingest", "ontology")


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_folder_of_code_is_a_listed_subpackage():
    listed = set(_config()["tool"]["setuptools"]["packages"])
    found = {"styrgraf." + ".".join(init.parent.relative_to(ROOT).parts)
             for folder in FOLDERS for init in (ROOT / folder).rglob("__init__.py")}
    assert found == listed


def test_only_the_styrgraf_namespace_is_installed():
    setuptools = _config()["tool"]["setuptools"]
    assert all(name.startswith("styrgraf.") for name in setuptools["packages"])
    assert setuptools["package-dir"] == {f"styrgraf.{f}": f for f in FOLDERS}


def test_the_wheel_holds_every_module_under_styrgraf(tmp_path):
    """The built wheel, not the checkout: every module and the ontology's files are in it, under `styrgraf/`."""
    # Built from a copy, so that a `build/` left in the checkout cannot add modules that are gone.
    source = tmp_path / "source"
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("styrgraf-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"styrgraf/" + path.relative_to(ROOT).as_posix()
                for folder in FOLDERS for path in (ROOT / folder).rglob("*")
                if path.suffix in (".py", ".ttl") and "__pycache__" not in path.parts}
    assert expected <= names
    assert {name.split("/")[0] for name in names if not name.startswith("styrgraf-")} == {"styrgraf"}
