"""``ZendeskTalkTool``: one neutral Zendesk Talk tool definition as a LangChain ``BaseTool``.

A thin adapter: names, descriptions, argument models, validation messages, output shaping
and errors all come from :mod:`zendesk_talk_connector.tools`; this module only maps them to
LangChain's conventions.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from langchain_core.tools import BaseTool, ToolException
from pydantic import Field, SkipValidation, ValidationError

from zendesk_talk_connector import ZendeskTalkError
from zendesk_talk_connector.tools import ExecuteResult, ToolDefinition, Toolset


def validation_message(definition: ToolDefinition, error: Exception) -> str:
    """The model-facing text for arguments LangChain rejected against ``args_schema``: each
    bad param (with a guess for typos) and the allowed ones."""
    if not isinstance(error, ValidationError):  # pydantic.v1 errors: not produced by our models
        return f"Invalid arguments for {definition.name}: {error}"
    return str(definition.invalid_args(error))


class ZendeskTalkTool(BaseTool):
    """One Zendesk Talk action (or the single ``zendesk_talk_execute`` tool) for LangChain.

    * ``invoke``/``_run`` use the runner's sync connector (no event loop: safe in Jupyter
      and inside a running loop); ``ainvoke``/``_arun`` use its async connector.
    * ``response_format="content_and_artifact"``: the ``ToolMessage`` content is the compact,
      bounded JSON for the model, its ``artifact`` the typed result (records or envelope).
    * A :class:`~zendesk_talk_connector.errors.ZendeskTalkError` (bad params, not found, rate
      limited...) becomes ``ToolException`` and so an error ``ToolMessage`` telling the model
      what to change; arguments rejected by the schema get the same kind of message. Any
      other exception propagates.

    Build it with ``ZendeskTalkTool(definition=..., runner=...)``; usually
    :class:`~langchain_zendesk_talk.ZendeskTalkToolkit` does it for you.
    """

    definition: Annotated[ToolDefinition, SkipValidation()] = Field(exclude=True)
    """The neutral tool definition: name, description, args model, operation."""
    runner: Annotated[Toolset, SkipValidation()] = Field(exclude=True)
    """Runs the definition against the connector (validation, output shaping, errors)."""
    response_format: Literal["content", "content_and_artifact"] = "content_and_artifact"

    def __init__(self, *, definition: ToolDefinition, runner: Toolset, **kwargs: Any) -> None:
        """Name, description, ``args_schema`` and validation messages from ``definition``;
        any of them may be overridden with keyword arguments."""
        defaults: dict[str, Any] = {
            "name": definition.name,
            "description": definition.description,
            "args_schema": definition.args_model,
            "handle_tool_error": True,
            "handle_validation_error": partial(validation_message, definition),
        }
        super().__init__(definition=definition, runner=runner, **{**defaults, **kwargs})

    @property
    def tool_call_schema(self) -> dict[str, Any]:
        """The schema sent to models: the definition's portable JSON schema (no ``$ref``,
        no titles), so nested descriptions such as the single tool's ``params`` survive."""
        return self.definition.json_schema()

    def _run(self, *args: Any, **kwargs: Any) -> tuple[str, ExecuteResult]:
        try:
            result = self.runner.call(self.definition, self._args(args, kwargs))
        except ZendeskTalkError as error:
            raise ToolException(str(error)) from error
        return result.content, result.artifact

    async def _arun(self, *args: Any, **kwargs: Any) -> tuple[str, ExecuteResult]:
        try:
            result = await self.runner.acall(self.definition, self._args(args, kwargs))
        except ZendeskTalkError as error:
            raise ToolException(str(error)) from error
        return result.content, result.artifact

    def _args(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        if args:  # a plain string input: LangChain's legacy single-input calling convention
            allowed = ", ".join(self.definition.args_model.model_fields)
            raise ToolException(
                f"{self.name} takes named arguments, not {args[0]!r}. Allowed params: {allowed}."
            )
        return kwargs
