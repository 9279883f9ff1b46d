package io.coursekit.cli;

import io.coursekit.UserError;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints user errors as plain lines; anything else is a bug and keeps its stack trace. */
final class UserErrorHandler implements IExecutionExceptionHandler {
    static final int USER_ERROR = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) throws Exception {
        if (e instanceof UserError) {
            cmd.getErr().println(cmd.getColorScheme().errorText(e.getMessage()));
            return USER_ERROR;
        }
        throw e;
    }
}
