package org.rollcall.students;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rollcall.classes.SchoolClass;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.rollcall.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Imports a class roster from a spreadsheet. The same file is judged on every call: a dry run answers the preview,
 * a real run writes it only when no row is bad, all rows in one transaction. Students are matched by roll number:
 * an existing one is updated, never duplicated. Students are created without faces (photos come after, in bulk).
 */
@Service
class RosterImport {

    private static final int DETAIL_ERRORS = 3;

    private final StudentRepository students;
    private final Validator validator;
    private final TransactionOperations transaction;
    private final RosterProperties properties;

    RosterImport(
            StudentRepository students,
            Validator validator,
            TransactionOperations transaction,
            RosterProperties properties) {
        this.students = students;
        this.validator = validator;
        this.transaction = transaction;
        this.properties = properties;
    }

    RosterPreview run(SchoolClass schoolClass, byte[] file, boolean dryRun) {
        if (file.length > properties.maxRosterBytes().toBytes()) {
            throw new ApiException(
                    ErrorCode.ROSTER_TOO_LARGE,
                    "The roster file is larger than "
                            + properties.maxRosterBytes().toMegabytes() + " MB; a class roster is far smaller.");
        }
        RosterSheet sheet = RosterSheet.read(file, new UploadedZip.Limits(10_000, 50L * 1024 * 1024, 100));
        Judged judged = judge(sheet, schoolClass.id(), students.findByClass(schoolClass.id()));
        RosterPreview preview = judged.preview();
        if (dryRun) {
            return preview;
        }
        if (!preview.errors().isEmpty()) {
            throw invalid(preview);
        }
        transaction.executeWithoutResult(tx -> {
            for (Student student : judged.toCreate()) {
                try {
                    students.insert(student);
                } catch (DuplicateKeyException e) {
                    // another request added this roll number since the file was judged: nothing of the file stays
                    throw new ApiException(
                            ErrorCode.ROLL_NO_TAKEN,
                            "Roll number " + student.rollNo()
                                    + " was added to the class while the roster was imported; nothing was imported. Try again.");
                }
            }
            judged.toUpdate().forEach(students::update);
        });
        return preview.applied();
    }

    private record Judged(RosterPreview preview, List<Student> toCreate, List<Student> toUpdate) {}

    private Judged judge(RosterSheet sheet, UUID classId, List<Student> current) {
        RosterColumns columns = RosterColumns.find(sheet.lines()).orElseThrow(RosterImport::columnsMissing);
        List<RosterSheet.Line> rows = sheet.lines().stream()
                .filter(line -> line.number() > columns.headerLine() && !line.isBlank())
                .toList();
        if (rows.isEmpty()) {
            throw new ApiException(ErrorCode.ROSTER_EMPTY, "The roster has a header but no students below it.");
        }
        if (rows.size() > properties.maxRosterRows()) {
            throw new ApiException(
                    ErrorCode.ROSTER_TOO_MANY_ROWS,
                    "The roster has " + rows.size() + " rows; at most " + properties.maxRosterRows()
                            + " can be imported at once.");
        }
        Map<String, Student> byRollNo =
                current.stream().collect(Collectors.toMap(Student::rollNo, Function.identity()));
        Map<String, Student> byFoldedRollNo =
                current.stream().collect(Collectors.toMap(s -> fold(s.rollNo()), Function.identity(), (a, b) -> a));
        Map<String, Integer> lineOfRollNo = new HashMap<>();
        List<RosterPreview.RowError> errors = new ArrayList<>();
        List<RosterPreview.NewStudent> create = new ArrayList<>();
        List<RosterPreview.ChangedStudent> update = new ArrayList<>();
        List<Student> toCreate = new ArrayList<>();
        List<Student> toUpdate = new ArrayList<>();
        int unchanged = 0;
        for (RosterSheet.Line row : rows) {
            String name = columns.name(row);
            String rollNo = columns.rollNo(row);
            String email = columns.email(row);
            List<RosterPreview.RowError> rowErrors = validate(row.number(), name, rollNo, email);
            if (!rollNo.isEmpty()) {
                Integer earlier = lineOfRollNo.putIfAbsent(fold(rollNo), row.number());
                if (earlier != null) {
                    rowErrors.add(new RosterPreview.RowError(
                            row.number(), "rollNo", "Roll number " + rollNo + " is also on line " + earlier + "."));
                }
                Student sameButCase = byFoldedRollNo.get(fold(rollNo));
                if (!byRollNo.containsKey(rollNo) && sameButCase != null) {
                    rowErrors.add(new RosterPreview.RowError(
                            row.number(),
                            "rollNo",
                            "Roll number " + rollNo + " differs only in capitals or spaces from " + sameButCase.rollNo()
                                    + " (" + sameButCase.name() + ") in this class; write it as "
                                    + sameButCase.rollNo() + " to update that student."));
                }
            }
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }
            String newEmail = email == null || email.isEmpty() ? null : email;
            Student existing = byRollNo.get(rollNo);
            if (existing == null) {
                create.add(new RosterPreview.NewStudent(row.number(), rollNo, name, newEmail));
                toCreate.add(new Student(UUID.randomUUID(), classId, rollNo, name, newEmail));
                continue;
            }
            // an empty email cell keeps the email the class has: office exports often leave the column blank
            String keptEmail = newEmail == null ? existing.email() : newEmail;
            if (existing.name().equals(name) && Objects.equals(existing.email(), keptEmail)) {
                unchanged++;
            } else {
                update.add(new RosterPreview.ChangedStudent(
                        row.number(), existing.id(), rollNo, name, keptEmail, existing.name(), existing.email()));
                toUpdate.add(new Student(existing.id(), existing.classId(), rollNo, name, keptEmail));
            }
        }
        RosterPreview preview = new RosterPreview(false, create, update, unchanged, errors);
        return new Judged(preview, toCreate, toUpdate);
    }

    private List<RosterPreview.RowError> validate(int line, String name, String rollNo, String email) {
        Set<ConstraintViolation<StudentRequest>> violations =
                validator.validate(new StudentRequest(name, rollNo, email == null || email.isEmpty() ? null : email));
        return violations.stream()
                .sorted(Comparator.comparing(v -> order(v.getPropertyPath().toString())))
                .map(v -> {
                    String field = v.getPropertyPath().toString();
                    return new RosterPreview.RowError(
                            line,
                            field,
                            Problems.fieldLabel(field) + " " + v.getMessage()
                                    + ("email".equals(field) ? ": " + email : "") + ".");
                })
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static int order(String field) {
        return List.of("name", "rollNo", "email").indexOf(field);
    }

    /** Roll numbers as a person compares them: "9p 03" is "9P03". */
    private static String fold(String rollNo) {
        return rollNo.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static ApiException columnsMissing() {
        return new ApiException(
                ErrorCode.ROSTER_COLUMNS_MISSING,
                "We could not find the columns: the first line should name a \"Name\" (or \"First name\" and"
                        + " \"Last name\") and a \"Roll number\" column, and may name an \"Email\" column.");
    }

    private static ApiException invalid(RosterPreview preview) {
        List<RosterPreview.RowError> errors = preview.errors();
        String first = errors.stream()
                .limit(DETAIL_ERRORS)
                .map(e -> "line " + e.line() + ": " + e.message())
                .collect(Collectors.joining("; "));
        String more = errors.size() > DETAIL_ERRORS ? "; and " + (errors.size() - DETAIL_ERRORS) + " more" : "";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("written", false);
        body.put("create", preview.create());
        body.put("update", preview.update());
        body.put("unchanged", preview.unchanged());
        body.put("errors", errors);
        return new ApiException(
                ErrorCode.ROSTER_INVALID,
                "Nothing was imported: " + errors.size() + (errors.size() == 1 ? " problem" : " problems")
                        + " in the roster (" + first + more + ").",
                body);
    }
}
