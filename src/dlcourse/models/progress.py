"""The progress bar of a fit with ``verbose=1``: one step per epoch, showing the loss."""

from __future__ import annotations

__all__ = ["EpochProgress"]


class EpochProgress:
    """A tqdm bar over epochs showing the loss when ``verbose``; a no-op callback otherwise."""

    def __init__(self, verbose: int, epochs: int, name: str) -> None:
        self.bar = None
        if verbose:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=epochs, desc=name, unit="epoch")

    def __enter__(self):
        return None if self.bar is None else self._update

    def _update(self, epoch: int, loss: float) -> None:
        self.bar.set_postfix(loss=f"{loss:.4f}", refresh=False)
        self.bar.update()

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
