// jest.config.js maps @fluentui/react-components here for the unit tests (fluentOnDemand.ts says why).
module.exports = require("./fluentOnDemand").componentsOnDemand();
