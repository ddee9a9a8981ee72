import * as client from 'openid-client';
import type { Config } from '../../config.js';

/** A discovered OpenID Connect provider (Suomi.fi identification broker, a staff directory…). */
export interface OidcLogin {
  issuer: string;
  configuration: client.Configuration;
}

export async function discoverOidc(config: NonNullable<Config['oidc']>): Promise<OidcLogin> {
  const secret = config.clientSecret;
  const authentication = !secret
    ? client.None()
    : config.clientAuth === 'client_secret_basic'
      ? client.ClientSecretBasic(secret)
      : client.ClientSecretPost(secret);
  const configuration = await client.discovery(
    new URL(config.issuer),
    config.clientId,
    undefined,
    authentication,
    config.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  return { issuer: configuration.serverMetadata().issuer, configuration };
}

export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

/** Authorization code flow with PKCE, state and nonce. */
export async function startLogin(
  oidc: OidcLogin,
  redirectUri: string,
  returnTo: string,
  language: string,
) {
  const pending: PendingLogin = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    returnTo,
  };
  const url = client.buildAuthorizationUrl(oidc.configuration, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
    // The provider's pages in the language the person is using Helppo in.
    ui_locales: language,
  });
  return { url: url.href, pending };
}

export interface VerifiedIdentity {
  subject: string;
  name: string;
  email: string | null;
}

/** Exchange the code and verify the ID token; throws on a tampered state, nonce or code. */
export async function completeLogin(
  oidc: OidcLogin,
  callbackUrl: URL,
  pending: PendingLogin,
): Promise<VerifiedIdentity> {
  const tokens = await client.authorizationCodeGrant(oidc.configuration, callbackUrl, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('no ID token claims');
  let claims: Record<string, unknown> & { sub: string } = idClaims;
  // A conforming provider returns the profile and email claims from the UserInfo endpoint in
  // the code flow (OpenID Connect Core 5.4), not necessarily in the ID token.
  const missing = !['name', 'given_name', 'family_name', 'email'].some((key) => key in idClaims);
  if (missing && tokens.access_token && oidc.configuration.serverMetadata().userinfo_endpoint) {
    const userInfo = await client.fetchUserInfo(
      oidc.configuration,
      tokens.access_token,
      idClaims.sub,
    );
    claims = { ...userInfo, ...idClaims };
  }
  const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const fullName =
    str(claims.name) ??
    ([str(claims.given_name), str(claims.family_name)].filter(Boolean).join(' ') ||
      str(claims.email) ||
      claims.sub);
  return {
    subject: claims.sub,
    name: fullName.slice(0, 200),
    email: claims.email_verified === true ? str(claims.email) : null,
  };
}
