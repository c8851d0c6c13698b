"""``numberhub.mock`` is the mock package ``numberhub_mock``, re-exported."""

from __future__ import annotations

import numberhub.mock
import numberhub_mock


def test_numberhub_mock_reexports_the_mock_package() -> None:
    for name in numberhub.mock.__all__:
        assert getattr(numberhub.mock, name) is getattr(numberhub_mock, name), name
    assert set(numberhub.mock.__all__) <= set(numberhub_mock.__all__)
    assert {"create_app", "MockServer", "dataset", "credentials", "MockApp"} <= set(
        numberhub.mock.__all__
    )


def test_the_public_names_are_sorted_and_all_resolve() -> None:
    assert numberhub_mock.__all__ == sorted(numberhub_mock.__all__)
    for name in numberhub_mock.__all__:
        assert getattr(numberhub_mock, name) is not None
    assert set(numberhub_mock.__all__) <= set(dir(numberhub_mock))


def test_the_mock_imports_nothing_of_the_wrapper() -> None:
    import subprocess
    import sys

    code = (
        "import sys, numberhub_mock as m; m.create_app(size=3); m.dataset('plivo', size=2); "
        "print(sorted(n for n in sys.modules if n == 'numberhub' or n.startswith('numberhub.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
