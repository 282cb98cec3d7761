package org.rollcall.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.rollcall.web.CurrentTeacher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/account")
@Tag(name = "Account")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "The signed-in teacher's account")
    AccountResponse get(CurrentTeacher teacher) {
        return accounts.get(teacher.id());
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password; every other token of the account stops working")
    void changePassword(CurrentTeacher teacher, @Valid @RequestBody ChangePasswordRequest request) {
        accounts.changePassword(teacher.id(), request.currentPassword(), request.newPassword());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the account and everything it owns (classes, students, faces, attendance)")
    void delete(CurrentTeacher teacher, @Valid @RequestBody DeleteAccountRequest request) {
        accounts.delete(teacher.id(), request.password());
    }
}
