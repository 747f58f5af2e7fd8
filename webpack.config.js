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
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      help: "./src/help/help.ts",
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
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        templateParameters: { officeHost: OFFICE_HOST },
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/help.html", chunks: ["help"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
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
      onListening: (server) => printWelcome(server.server.address().port, https),
    },
  };
};

async function devCertificates() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

function printWelcome(port, https) {
  const base = `${https ? "https" : "http"}://localhost:${port}`;
  const lines = [
    "",
    "KPI Lens is being served.",
    https
      ? `  Add-in files for Excel:  ${base}/taskpane.html  (manifest: ${base}/manifest.xml)`
      : `  Functions page:          ${base}/help.html`,
    "",
    "Sideload into Excel (see README, 'Try it in Excel'):",
    "  Excel on the web:     npm run start:excel, then Home > Add-ins > More Add-ins > Upload My Add-in > manifest.xml",
    "  Excel on Windows/Mac: npm run start:excel, then npx office-addin-debugging start manifest.xml desktop",
    "",
    "Press Ctrl+C to stop.",
  ];
  console.log(lines.join("\n"));
}
