"""LangChain's standard tool integration tests, against the sandbox (offline)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from langchain_core.tools import BaseTool
from langchain_tests.integration_tests import ToolsIntegrationTests
from langchain_zendesk_talk import ZendeskTalkToolkit

from zendesk_talk_connector import SyncZendeskTalkConnector


async def _tool(connector: SyncZendeskTalkConnector, **kwargs: Any) -> AsyncIterator[BaseTool]:
    kit = ZendeskTalkToolkit(connector=connector, **kwargs)
    (tool,) = kit.get_tools()
    yield tool
    await kit.aclose()


class TestCallsListTool(ToolsIntegrationTests):
    """``zendesk_talk_calls_list``: sync connector, async path through its twin."""

    @property
    def tool_constructor(self) -> type[BaseTool]:
        raise NotImplementedError("built by the `tool` fixture over the sandbox")

    @pytest.fixture
    async def tool(self, sync_connector: SyncZendeskTalkConnector) -> AsyncIterator[BaseTool]:
        async for tool in _tool(sync_connector, include=["zendesk_talk_calls_list"]):
            yield tool

    @property
    def tool_invoke_params_example(self) -> dict[str, Any]:
        return {"start_time": "2024-11-29", "limit": 20, "fields": ["id", "duration"]}


class TestSingleTool(ToolsIntegrationTests):
    """``zendesk_talk_execute``."""

    @property
    def tool_constructor(self) -> type[BaseTool]:
        raise NotImplementedError("built by the `tool` fixture over the sandbox")

    @pytest.fixture
    async def tool(self, sync_connector: SyncZendeskTalkConnector) -> AsyncIterator[BaseTool]:
        async for tool in _tool(sync_connector, single_tool=True):
            yield tool

    @property
    def tool_invoke_params_example(self) -> dict[str, Any]:
        return {"entity": "current_queue_activity", "action": "list", "params": {}}
