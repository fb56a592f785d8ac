import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// The icon and the web manifest are files of public/ (proxy.ts's matcher passes them by).
export const metadata: Metadata = {
  title: { default: "Методаудит", template: "%s — Методаудит" },
  description: "Методический аудит в образовании: бланки соответствия, результаты, отчёты",
  applicationName: "Методаудит",
  manifest: "/manifest.webmanifest",
  icons: {
    // The ICO for browsers without SVG icons; "32x32" rather than "any", or Chrome prefers it to the SVG.
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icons/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/icons/apple-touch-icon.png", sizes: "180x180" },
  },
};

/** The browser's bar in the app's primary colour (app/globals.css --color-primary). */
export const viewport: Viewport = { themeColor: "#1d4ed8" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ru">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
