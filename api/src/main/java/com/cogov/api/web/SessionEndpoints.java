package com.cogov.api.web;

import com.cogov.api.account.AccountService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.AuthRequests;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Tokens;

/**
 * The session routes ({@link SessionOperations}) as both apps serve them: each app's {@code AuthController} extends
 * this under its own {@code @Controller} prefix and adds its channel's sign-in.
 */
public abstract class SessionEndpoints implements SessionOperations {

    protected final AccountService accounts;

    protected SessionEndpoints(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Tokens refresh(AuthRequests.Refresh request, Actor caller) {
        return accounts.refresh(request.refreshToken(), caller);
    }

    @Override
    public void logout(AuthRequests.Refresh request, Actor caller) {
        accounts.signOut(request.refreshToken(), caller);
    }

    @Override
    public ProfileView me(Actor caller) {
        return accounts.profile(caller);
    }
}
