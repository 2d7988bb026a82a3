"""Liftoff's stand-in for Lambda's Python runtime, for one invocation on this machine.

It imports the handler from LAMBDA_TASK_ROOT as Lambda does, calls it with the event and a context, and writes
what Lambda would answer to the result file. argv: event_file result_file request_id timeout_ms invoked_function_arn
"""

import decimal
import importlib
import json
import logging
import os
import sys
import time
import traceback

event_file, result_file, request_id, timeout_ms, invoked_function_arn = sys.argv[1:6]
started = time.perf_counter()


def write(result):
    with open(result_file, "w", encoding="utf-8") as out:
        json.dump(result, out)


def error_payload(error, error_type=None, frames=None):
    tb = frames if frames is not None else traceback.extract_tb(error.__traceback__)
    return {
        "errorMessage": str(error),
        "errorType": error_type or type(error).__name__,
        "requestId": request_id,
        "stackTrace": traceback.format_list(tb),
    }


class _Encoder(json.JSONEncoder):
    # Lambda's runtime turns Decimal (what boto3's DynamoDB resource returns) into numbers.
    def default(self, o):
        if isinstance(o, decimal.Decimal):
            return int(o) if o == o.to_integral_value() else float(o)
        return super().default(o)


class LambdaContext:
    def __init__(self, deadline):
        self._deadline = deadline
        self.function_name = os.environ["AWS_LAMBDA_FUNCTION_NAME"]
        self.function_version = os.environ["AWS_LAMBDA_FUNCTION_VERSION"]
        self.invoked_function_arn = invoked_function_arn
        self.memory_limit_in_mb = int(os.environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"])
        self.aws_request_id = request_id
        self.log_group_name = os.environ["AWS_LAMBDA_LOG_GROUP_NAME"]
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = None

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.time()) * 1000))


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = request_id
        return True


def _configure_logging():
    # Lambda's root logger: one handler, this format, level WARNING unless the function changes it.
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(_RequestIdFilter())
    logging.Formatter.converter = time.gmtime
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.WARNING)


def load_handler():
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    module_name, _, attribute = os.environ["_HANDLER"].rpartition(".")
    module_name = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise _InitError("Runtime.ImportModuleError", f"Unable to import module '{module_name}': {e}") from e
    except SyntaxError as e:
        raise _InitError("Runtime.UserCodeSyntaxError", f"Syntax error in module '{module_name}': {e}") from e
    handler = getattr(module, attribute, None)
    if not callable(handler):
        raise _InitError("Runtime.HandlerNotFound", f"Handler '{attribute}' missing on module '{module_name}'")
    return handler


class _InitError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def main():
    _configure_logging()
    try:
        handler = load_handler()
    except _InitError as e:
        write({"error": error_payload(e, e.error_type, frames=[]), "initMs": (time.perf_counter() - started) * 1000})
        return
    except Exception as e:  # an error raised by the module's own code while it loads
        write({"error": error_payload(e, "Runtime.ImportModuleError"), "initMs": (time.perf_counter() - started) * 1000})
        return
    init_ms = (time.perf_counter() - started) * 1000
    with open(event_file, encoding="utf-8") as source:
        event = json.load(source)
    deadline = time.time() + int(timeout_ms) / 1000
    # Tells Liftoff that init is over and the function's timeout starts now.
    sys.stderr.write(f"LIFTOFF-INVOKE-START {request_id}\n")
    sys.stderr.flush()
    invoke_started = time.perf_counter()
    try:
        result = handler(event, LambdaContext(deadline))
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)[1:]  # without this file's own frame, as Lambda shows it
        outcome = {"error": error_payload(e, frames=tb)}
    else:
        try:
            outcome = {"payload": json.dumps(result, cls=_Encoder)}
        except (TypeError, ValueError) as e:
            outcome = {"error": error_payload(e, "Runtime.MarshalError", frames=[])}
            outcome["error"]["errorMessage"] = f"Unable to marshal response: {e}"
    outcome["initMs"] = init_ms
    outcome["durationMs"] = (time.perf_counter() - invoke_started) * 1000
    sys.stdout.flush()
    write(outcome)


main()
