"""The package's shape: its exports, the import paths notebooks rely on, unique module names."""

import dlcourse


def test_every_export_resolves_to_a_documented_object_of_its_module():
    for name in dlcourse.__all__:
        obj = getattr(dlcourse, name)
        assert obj.__doc__, name
        assert obj.__module__.startswith("dlcourse."), (name, obj.__module__)
    assert len(set(dlcourse.__all__)) == len(dlcourse.__all__)


def test_the_import_paths_of_notebooks_and_users_stay_valid():
    from dlcourse import activations, data, losses, metrics, models, plots
    from dlcourse.checks import TODO, not_done
    from dlcourse.lessons.lesson1 import check, figures
    from dlcourse.media import show_video
    from dlcourse.teaching import verdicts, video

    assert (TODO, not_done) == (verdicts.TODO, verdicts.not_done)
    assert show_video is video.show_video
    assert plots.loss_curve is figures.loss_curve and set(plots.__all__) == set(figures.__all__)
    assert callable(check.exercise_1_2_gradient) and callable(check.exercise_1_1_normal_equation)
    assert models.LogisticRegression is dlcourse.LogisticRegression
    assert activations.sigmoid and losses.cross_entropy and data.one_hot and metrics.accuracy
