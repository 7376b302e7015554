package org.huizong.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.spec.CollectionSpecs;

/**
 * Reads a consolidated book's county totals back with POI (its package and sheet reader, and
 * StAX over the one sheet the {@code F_} names point at, so a book of 30,000 schools reads in
 * seconds) and checks them against the generator's sums. Arguments: {@code --book FILE --sums
 * FILE [--spec FILE]}.
 */
public final class BookTotals {
    private BookTotals() {
    }

    public static void main(String[] args) throws IOException, OpenXML4JException,
            XMLStreamException {
        Map<String, String> opts = ConsolidationBench.options(args);
        Collection c = CollectionSpecs.load(ConsolidationBench.spec(opts.get("spec")));
        Map<String, BigDecimal> sums = GeneratedSums.read(Path.of(opts.get("sums")));
        GeneratedSums.check(sums, totals(c, Path.of(opts.get("book"))),
                "the book's county totals");
    }

    /** The number in the cell of every numeric input field's {@code F_} name, by field id. */
    static Map<String, BigDecimal> totals(Collection c, Path book) throws IOException,
            OpenXML4JException, XMLStreamException {
        XMLInputFactory xml = XMLInputFactory.newFactory();
        try (OPCPackage pkg = OPCPackage.open(book.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            Map<String, CellReference> names = new HashMap<>();
            try (InputStream in = reader.getWorkbookData()) {
                XMLStreamReader r = xml.createXMLStreamReader(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT
                            && r.getLocalName().equals("definedName")) {
                        String name = r.getAttributeValue(null, "name");
                        if (name.startsWith("F_")) {
                            names.put(name, new CellReference(r.getElementText()));
                        }
                    }
                }
            }
            Map<String, String> wanted = new HashMap<>();
            String sheet = null;
            for (Field f : c.fields()) {
                if (f.type().isNumeric() && f.isInput()) {
                    CellReference ref = names.get(f.definedName());
                    wanted.put(new CellReference(ref.getRow(), ref.getCol()).formatAsString(),
                            f.id());
                    sheet = ref.getSheetName();
                }
            }
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    if (it.getSheetName().equals(sheet)) {
                        return cells(xml.createXMLStreamReader(in), wanted);
                    }
                }
            }
            throw new IllegalStateException(book + " has no sheet " + sheet);
        }
    }

    private static Map<String, BigDecimal> cells(XMLStreamReader r, Map<String, String> wanted)
            throws XMLStreamException {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        String field = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("c")) {
                field = wanted.get(r.getAttributeValue(null, "r"));
            } else if (event == XMLStreamConstants.START_ELEMENT && field != null
                    && r.getLocalName().equals("v")) {
                out.put(field, new BigDecimal(r.getElementText()));
                field = null;
            }
        }
        return out;
    }
}
