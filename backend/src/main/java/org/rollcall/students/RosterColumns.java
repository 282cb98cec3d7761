package org.rollcall.students;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which columns of a roster hold the name, the roll number and the email, recognised from loosely written headers
 * ("Roll No.", "roll_number", "N°", "E-mail", "Nom", "Apellidos" …): case, accents, spaces and punctuation are
 * ignored, and the usual words of a few languages are known. A name split over first- and last-name columns is
 * joined. The header is the first of the first ten lines that names both a name and a roll number, so title lines
 * above it ("Class 9P — 2026") do not matter.
 *
 * @param name   the column of the whole name, or -1 when it is split into first and last name
 * @param email  -1 when the file has no email column
 */
record RosterColumns(int headerLine, int name, int firstName, int lastName, int rollNo, int email) {

    private static final Set<String> NAME = Set.of(
            "name",
            "fullname",
            "studentname",
            "student",
            "studentsname",
            "pupil",
            "pupilname",
            "learner",
            "learnername",
            "nom",
            "nomcomplet",
            "nomeleve",
            "nombre",
            "nombrecompleto",
            "nome",
            "nomecompleto",
            "naam",
            "vollername",
            "schuler",
            "schulername",
            "imie",
            "nazwiskoiimie",
            "jmeno",
            "isim",
            "adsoyad",
            "nama",
            "ten",
            "hoten");
    private static final Set<String> FIRST_NAME = Set.of(
            "firstname",
            "givenname",
            "forename",
            "first",
            "prenom",
            "vorname",
            "nombres",
            "primernombre",
            "voornaam",
            "fornavn");
    private static final Set<String> LAST_NAME = Set.of(
            "lastname",
            "surname",
            "familyname",
            "last",
            "nomdefamille",
            "nachname",
            "familienname",
            "apellido",
            "apellidos",
            "cognome",
            "achternaam",
            "efternavn",
            "sobrenome");
    private static final Set<String> ROLL_NO = Set.of(
            "rollno",
            "rollnumber",
            "roll",
            "rollnum",
            "rollnr",
            "no",
            "nr",
            "n",
            "number",
            "num",
            "studentno",
            "studentnumber",
            "studentid",
            "id",
            "pupilno",
            "pupilnumber",
            "admissionno",
            "admissionnumber",
            "registerno",
            "registernumber",
            "regno",
            "matricule",
            "numero",
            "numerodeliste",
            "nummer",
            "matricula",
            "numerodelista",
            "numeroelenco",
            "matricola",
            "klassennummer");
    private static final Set<String> EMAIL = Set.of(
            "email",
            "emailaddress",
            "mail",
            "mailaddress",
            "courriel",
            "adressemail",
            "adresseemail",
            "correo",
            "correoelectronico",
            "emailadresse",
            "posta",
            "eposta");

    private static final int HEADER_SEARCH_LINES = 10;

    static Optional<RosterColumns> find(List<RosterSheet.Line> lines) {
        int looked = 0;
        for (RosterSheet.Line line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (++looked > HEADER_SEARCH_LINES) {
                break;
            }
            Optional<RosterColumns> columns = of(line);
            if (columns.isPresent()) {
                return columns;
            }
        }
        return Optional.empty();
    }

    private static Optional<RosterColumns> of(RosterSheet.Line header) {
        int name = -1;
        int first = -1;
        int last = -1;
        int roll = -1;
        int email = -1;
        for (int c = 0; c < header.cells().size(); c++) {
            String word = normalise(header.cell(c));
            if (name < 0 && NAME.contains(word)) {
                name = c;
            } else if (first < 0 && FIRST_NAME.contains(word)) {
                first = c;
            } else if (last < 0 && LAST_NAME.contains(word)) {
                last = c;
            } else if (roll < 0 && ROLL_NO.contains(word)) {
                roll = c;
            } else if (email < 0 && EMAIL.contains(word)) {
                email = c;
            }
        }
        boolean hasName = name >= 0 || first >= 0 && last >= 0;
        if (!hasName || roll < 0) {
            return Optional.empty();
        }
        return Optional.of(
                new RosterColumns(header.number(), name, name >= 0 ? -1 : first, name >= 0 ? -1 : last, roll, email));
    }

    /** "Roll No." → "rollno", "E-mail" → "email", "Prénom" → "prenom". */
    static String normalise(String header) {
        String plain = Normalizer.normalize(header, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    String name(RosterSheet.Line line) {
        if (name >= 0) {
            return line.cell(name);
        }
        return (line.cell(firstName) + " " + line.cell(lastName)).strip();
    }

    String rollNo(RosterSheet.Line line) {
        return line.cell(rollNo);
    }

    /** Null when the file has no email column. */
    String email(RosterSheet.Line line) {
        return email < 0 ? null : line.cell(email);
    }
}
