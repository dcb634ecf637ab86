// #file, #fileID, #filePath, #line and #column: the script's path as given, its
// module/file identity, and where the literal is written.
print(#line, #column)
func report(_ message: String, file: String = #fileID) {
    print("\(file): \(message)")
}
report("started")
let here = #line
print("here is line \(here)")
print(#file == #filePath, #file)
