export const id = 595;
export const ids = [595];
export const modules = {

/***/ 1595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ open)
/* harmony export */ });
// Replaces the `open` package in dist/ (see `paths` in tsconfig.json). @azure/identity calls it
// only from the interactive browser sign-in, which no credential this action builds reaches.
function open() {
    return Promise.reject(new Error("Interactive browser sign-in is not part of this action."));
}


/***/ })

};
