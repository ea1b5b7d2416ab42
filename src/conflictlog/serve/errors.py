"""One error envelope for every error the API returns.

    {"error": {"status": 404, "code": "not_found", "message": "...", "hint": "...", "details": [...]}}

Validation errors, unknown routes, refused tokens, storage failures and unexpected
exceptions all take this shape, so a client needs one error handler.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from ..errors import ConflictlogError, StorageError

log = logging.getLogger(__name__)

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "too_large", 422: "invalid_request", 500: "internal_error",
          503: "unavailable"}


class ErrorBody(BaseModel):
    """What went wrong, in words and as a stable code."""

    status: int
    code: str
    message: str
    hint: str | None = None
    details: list[dict[str, Any]] = []


class ErrorEnvelope(BaseModel):
    """The body of every error response."""

    error: ErrorBody


class ApiError(HTTPException):
    """An error a route raises on purpose, with a hint for the client."""

    def __init__(self, status: int, message: str, *, hint: str | None = None) -> None:
        super().__init__(status_code=status, detail=message)
        self.hint = hint


def error_response(status: int, message: str, *, hint: str | None = None,
                   details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON response holding the error envelope."""
    body = ErrorEnvelope(error=ErrorBody(status=status, code=_CODES.get(status, "error"), message=message,
                                         hint=hint, details=details or []))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


#: The ``responses`` entry routes use so that OpenAPI documents the envelope.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": code.replace("_", " ")}
    for status, code in _CODES.items() if status in (404, 422, 500)
}


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of ``app`` answer with the envelope."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ConflictlogError, _conflictlog_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    hint = getattr(exc, "hint", None)
    if exc.status_code == 404 and hint is None:
        hint = "see /api/docs for the routes and their parameters"
    return error_response(exc.status_code, str(exc.detail), hint=hint, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [{"location": list(map(str, err.get("loc", ()))), "message": err.get("msg", "")}
               for err in exc.errors()]
    where = ", ".join(".".join(d["location"]) for d in details)
    return error_response(422, f"invalid request: {where}", hint="fix the parameters listed in details",
                          details=details)


async def _conflictlog_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ConflictlogError)
    status = 503 if isinstance(exc, StorageError) else 400
    return error_response(status, exc.message, hint=exc.hint)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal error", hint="the server log has the details; please report it")
