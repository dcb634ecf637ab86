// Nested types and a typealias inside a class; qualified names when printed in debug contexts.
class Library {
    typealias ID = Int
    enum Genre: String {
        case fiction, science
    }
    struct Book {
        let id: ID
        let title: String
        let genre: Genre
    }
    class Shelf {
        var books: [Book] = []
    }
    var shelf = Shelf()
    var nextID: ID = 1
    func add(_ title: String, _ genre: Genre) -> ID {
        let book = Book(id: nextID, title: title, genre: genre)
        shelf.books.append(book)
        nextID += 1
        return book.id
    }
}

let lib = Library()
let id = lib.add("Dune", .fiction)
print(lib.add("Cosmos", .science), id)
let book: Library.Book = lib.shelf.books[1]
print(book.title, book.genre, book.genre.rawValue)
print(book)
print(lib.shelf.books)
let genre = Library.Genre(rawValue: "fiction")
print(genre)
let count: Library.ID = lib.shelf.books.count
print(count)
print(lib.shelf)
