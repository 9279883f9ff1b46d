package io.coursekit.cli;

import picocli.CommandLine.IVersionProvider;

final class CourseKitVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CourseKit.class.getPackage().getImplementationVersion();
        return new String[] {"coursekit " + (version == null ? "dev" : version)};
    }
}
