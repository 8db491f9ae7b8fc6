"""A run's private folder: removed whatever a kernel left in it, however deep."""

import os

from dlcourse.teaching.isolation import remove_tree


def test_a_tree_deeper_than_python_can_recurse_is_removed(tmp_path):
    top = tmp_path / "deep"
    top.mkdir()
    fd = os.open(top, os.O_RDONLY)
    try:
        for level in range(3000):  # shutil.rmtree gives up near 1,000 levels
            os.mkdir("d" * 100, dir_fd=fd)
            if level % 500 == 7:
                os.symlink(tmp_path / "outside", f"link{level}", dir_fd=fd)  # never followed
            child = os.open("d" * 100, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
    finally:
        os.close(fd)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "keep").write_text("kept")
    remove_tree(top)
    assert not top.exists()
    assert (tmp_path / "outside" / "keep").read_text() == "kept"
