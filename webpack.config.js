/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the add-in into dist/: the shared-runtime page (taskpane.html) that loads the custom
// functions and the task pane, functions.json generated from the functions' JSDoc, the help
// page, the manifest and the icons.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const PORT = Number(process.env.PORT ?? 3000);
/** Content-Security-Policy of the shared runtime: our own scripts and Office's script host. */
const OFFICE_HOST = "https://appsforoffice.microsoft.com";

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const https = Boolean(env.https);
  // The workbench (in-memory Excel + sample workbook) is a development tool: it is built for
  // `npm start` and the browser tests, never into the add-in a production build deploys.
  const workbench = !production || Boolean(env.workbench);
  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      help: "./src/help/help.ts",
      ...(workbench ? { workbench: "./src/workbench/index.tsx" } : {}),
    },
    output: {
      path: path.resolve(__dirname, env.outputPath ?? "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, use: { loader: "ts-loader", options: { transpileOnly: !production, onlyCompileBundledFiles: true } }, exclude: /node_modules/ }],
    },
    performance: { hints: false },
    // The dev server prints its own welcome; asset lists would bury it.
    stats: production ? "normal" : "errors-warnings",
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        templateParameters: { officeHost: OFFICE_HOST },
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/help.html", chunks: ["help"] }),
      ...(workbench ? [new HtmlWebpackPlugin({ filename: "workbench.html", template: "./src/workbench/workbench.html", chunks: ["workbench"] })] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: PORT,
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      devMiddleware: { writeToDisk: true },
      client: { overlay: { errors: true, warnings: false }, logging: "warn" },
      server: https ? { type: "https", options: await devCertificates() } : { type: "http" },
      open: canOpenBrowser() ? ["/workbench.html"] : false,
      onListening: (server) => printWelcome(server.server.address().port, https),
    },
  };
};

/**
 * A development certificate for https://localhost. office-addin-dev-certs makes one and trusts
 * its CA; where it cannot install the CA (Linux without sudo, say) the certificate it made is
 * still used, and we say how to trust the CA by hand.
 */
async function devCertificates() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require("node:fs");
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const files = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
    if (!files.every((f) => fs.existsSync(f))) throw e;
    console.warn(
      `Could not install the development CA (${e.message.split("\n")[0]}).\n` +
        `Trust ${files[2]} in your browser or system by hand, or Excel will refuse https://localhost:${PORT}.`,
    );
    return { key: fs.readFileSync(files[0]), cert: fs.readFileSync(files[1]), ca: fs.readFileSync(files[2]) };
  }
}

/** A desktop session can show a browser; a server or a container cannot. */
function canOpenBrowser() {
  if (process.env.CI || process.env.KPI_LENS_NO_OPEN) return false;
  return process.platform === "darwin" || process.platform === "win32" || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function printWelcome(port, https) {
  const base = `${https ? "https" : "http"}://localhost:${port}`;
  const lines = [
    "",
    "KPI Lens is being served.",
    `  Workbench (the add-in on a sample workbook, no Excel needed):  ${base}/workbench.html`,
    `  Function reference:                                          ${base}/help.html`,
    ...(https ? [`  Add-in page for Excel:                                       ${base}/taskpane.html`] : []),
    "",
    "Sideload into Excel (see README, 'Try it in Excel'):",
    "  Excel on the web:     npm run start:excel, then Home > Add-ins > More Add-ins > Upload My Add-in > manifest.xml",
    "  Excel on Windows/Mac: npm run start:excel, then npx office-addin-debugging start manifest.xml desktop",
    "",
    "Press Ctrl+C to stop.",
  ];
  console.log(lines.join("\n"));
}
