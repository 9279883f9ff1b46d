package io.coursekit.report;

import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** A report in the {@code testsuite}/{@code testcase} layout Maven Surefire writes, which CI systems read as it is. */
final class JunitXml {

    private JunitXml() {
    }

    static byte[] xml(GradeReport report, Wording wording) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", report.lab().id() + "." + clean(report.submission()));
        xml.writeAttribute("tests", String.valueOf(report.results().size()));
        xml.writeAttribute("failures", String.valueOf(report.failed().size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(report.timings().total().toNanos()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "score", String.valueOf(report.score()));
        property(xml, "max_score", String.valueOf(report.maxScore()));
        xml.writeEndElement();
        for (CheckResult result : report.results()) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", result.check().id());
            xml.writeAttribute("classname", report.lab().id());
            xml.writeAttribute("time", seconds(result.time().toNanos()));
            if (!result.passed()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(wording.reason(result.reason())));
                xml.writeAttribute("type", "check");
                xml.writeCharacters(clean(wording.feedback(result)));
                xml.writeEndElement();
            }
            if (!result.output().isBlank()) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(result.output()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        String intake = wording.intake(report);
        if (!intake.isBlank()) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(intake));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
        return bytes.toByteArray();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** Drops characters XML 1.0 cannot hold at all, which a submission's output may contain. */
    private static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
