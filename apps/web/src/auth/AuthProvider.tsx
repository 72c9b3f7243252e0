import { ReactNode, useEffect, useMemo, useState } from 'react';
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { RuntimeConfig } from '../app/runtime-config';
import { AuthContext, Auth } from './auth-context';
import { actorFromAccessToken } from './roles';

export const LOGIN_CALLBACK_PATH = '/dang-nhap/xong';

/**
 * OpenID Connect authorization-code flow with PKCE (S256) against the realm's public client:
 * no secret in the browser. The session lives in sessionStorage (gone with the tab) and is
 * renewed with the refresh token before the access token expires.
 */
function userManager(config: RuntimeConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.issuer,
    // Discovery and the token endpoint through the gateway (same origin, no CORS); the
    // login and logout pages are the identity provider's own.
    metadataUrl: `${origin}${config.oidcProxyPath}/.well-known/openid-configuration`,
    metadataSeed: {
      token_endpoint: `${origin}${config.oidcProxyPath}/protocol/openid-connect/token`,
    },
    client_id: config.clientId,
    redirect_uri: `${origin}${LOGIN_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    // Keycloak's check-session iframe needs third-party cookies; refresh tokens do not.
    monitorSession: false,
  });
}

export function AuthProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const manager = useMemo(() => userManager(config), [config]);
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const loaded = (u: User) => setUser(u);
    const gone = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(gone);
    manager.events.addSilentRenewError(gone);
    void manager.getUser().then((u) => {
      setUser(u && !u.expired ? u : null);
      setReady(true);
    });
    return () => {
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(gone);
      manager.events.removeSilentRenewError(gone);
    };
  }, [manager]);

  const auth = useMemo<Auth>(
    () => ({
      actor: user ? actorFromAccessToken(user.access_token) : null,
      accessToken: user?.access_token ?? null,
      ready,
      login: (returnTo = window.location.pathname + window.location.search) =>
        manager.signinRedirect({ state: { returnTo }, ui_locales: 'vi' }),
      logout: async () => {
        const idToken = user?.id_token;
        await manager.removeUser();
        await manager.signoutRedirect({ id_token_hint: idToken });
      },
      completeLogin: async () => {
        const signedIn = await manager.signinRedirectCallback();
        setUser(signedIn);
        const returnTo = (signedIn.state as { returnTo?: string } | undefined)?.returnTo;
        // Only a path of this site: never an address the login URL was given from outside.
        return returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
      },
    }),
    [manager, user, ready],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
