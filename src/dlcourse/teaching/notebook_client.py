"""nbclient's client with a budget on everything a learner's kernel sends.

Every message from the kernel (prints, figures, display updates, widget and comm messages)
is counted against :attr:`LimitedClient.output_budget` before nbclient looks at it; once the
budget is spent, only the kernel's status messages are still read (so that cells still finish),
and the rest is dropped. Comm messages are never acted on: grading has no widgets to drive,
and a malformed one (a widget without ``_model_module``) cannot raise inside the client.
What a single message can cost the grader's memory is bounded by its worker's own memory
limit (:mod:`dlcourse.teaching.workers`).
"""

from __future__ import annotations

import json
from typing import Any

from nbclient import NotebookClient

from dlcourse.teaching.kernels import new_manager

__all__ = ["LimitedClient"]


class LimitedClient(NotebookClient):
    """Set :attr:`manager_options` (:func:`~dlcourse.teaching.kernels.new_manager`'s keyword
    arguments) and :attr:`output_budget` (bytes) before the kernel starts."""

    output_budget: int = 10 * 2**20  # below zero once hit
    manager_options: dict[str, Any] | None = None

    def create_kernel_manager(self) -> Any:
        self.km = new_manager(self.kernel_name, config=self.config, **(self.manager_options or {}))
        return self.km

    def process_message(self, msg: dict[str, Any], cell: Any, cell_index: int) -> Any:
        if msg.get("msg_type") == "status":
            return super().process_message(msg, cell, cell_index)
        if self.output_budget < 0:
            return None
        self.output_budget -= _size(msg)
        if self.output_budget < 0:
            self.output_budget = -1  # hit: everything after it is dropped
            return None
        if str(msg.get("msg_type", "")).startswith("comm"):
            return None
        return super().process_message(msg, cell, cell_index)


def _size(msg: dict[str, Any]) -> int:
    content = json.dumps(msg.get("content", {}), default=str)
    return len(content) + sum(len(buffer) for buffer in msg.get("buffers") or ())
