"""The package root exports exactly its public API."""

import conflictlog


def test_all_names_exist_and_are_sorted():
    assert conflictlog.__all__ == sorted(conflictlog.__all__)
    for name in conflictlog.__all__:
        assert hasattr(conflictlog, name), name


def test_public_names_are_exported():
    public = {name for name in vars(conflictlog) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(conflictlog, name)).__name__ == "module"}
    assert public - modules == set(conflictlog.__all__) - {"__version__"}
